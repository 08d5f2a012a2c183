import { defineModule } from '../../../kernel/module.js';
import { type ReorgLookup, reorgLookup } from './lookup.js';
import { canEditRules, canUseRestructuring, canValidate } from './scope.js';

export * from './scope.js';
export type { ReorgLookup };

/**
 * A unit's Piano di riassetto organizzativo: versions with their workflow, proposals validated by the
 * task force, documents, comparison of versions. Offers `reorgLookup` (each unit's plan status) and
 * the context's scope rules (`scope.ts`) to the other restructuring modules.
 */
export const reorgModule = defineModule({
  name: 'reorg',
  create: () => ({ reorgLookup: reorgLookup as ReorgLookup }),
  can: (p) => ({
    useRestructuring: canUseRestructuring(p),
    validateRestructuring: canValidate(p),
    editRestructuringRules: canEditRules(p),
  }),
});
