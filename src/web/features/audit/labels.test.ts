import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../../common/audit';
import { ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel } from './labels';

describe('audit labels', () => {
  it('name every action the server can write, in both languages, each label once', () => {
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
    for (const lang of ['it', 'en'] as const) {
      const texts = AUDIT_ACTIONS.map((a) => actionLabel(a, lang));
      for (const [i, text] of texts.entries()) {
        expect(text.trim(), AUDIT_ACTIONS[i]).not.toBe('');
        expect(text, AUDIT_ACTIONS[i]).not.toContain('.');
      }
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('name every kind of object', () => {
    expect(Object.keys(ENTITY_LABELS).sort()).toEqual([...AUDIT_ENTITY_TYPES].sort());
    expect(entityLabel('training_path', 'it')).toBe('Percorso formativo');
    expect(actionLabel('path.published', 'it')).toBe('Percorso formativo pubblicato');
  });

  it('shows a code it does not know as it is', () => {
    expect(actionLabel('legacy.thing', 'en')).toBe('legacy.thing');
    expect(entityLabel('toString', 'it')).toBe('toString');
  });
});
