import { describe, expect, it } from 'vitest';
import { MAX_CENTS, planContent } from './restructuring.js';

const line = (i: number, annualCostCents: number) => ({
  functionKey: 'viabilita',
  jobProfileCode: `profilo-${i}`,
  planned: 1,
  covered: 0,
  annualCostCents,
});
const content = (costs: number[]) => ({
  act: null,
  functions: [{ key: 'viabilita', name: 'Viabilità', kind: 'fondamentale', description: '' }],
  staffing: costs.map((c, i) => line(i, c)),
  notes: '',
});

describe('plan content', () => {
  it('takes a total annual cost up to MAX_CENTS', () => {
    expect(planContent.safeParse(content([MAX_CENTS - 1, 1])).success).toBe(true);
  });

  it('refuses a total annual cost past MAX_CENTS, where sums could lose cents', () => {
    const res = planContent.safeParse(content([MAX_CENTS, 1]));
    expect(res.success).toBe(false);
    expect(res.error?.issues).toContainEqual(
      expect.objectContaining({ path: ['staffing'], message: 'total annual cost too large' }),
    );
    // 2000 lines at the top of the range would pass 2^53 in a plain sum.
    expect(planContent.safeParse(content(Array.from({ length: 2000 }, () => MAX_CENTS))).success).toBe(false);
  });
});
