import { describe, expect, it } from 'vitest';
import { trapsGuidance } from './traps-guidance';

describe('trapsGuidance', () => {
  it('asks for the thought first when nothing is written', () => {
    expect(trapsGuidance('   ', 'GB')).toEqual({ show: 'write-first' });
  });

  it.each([
    'If I leave, he will hurt me. He always gets angry when I see my friends.',
    'It is my fault he hit me, I should have kept quiet.',
  ])('offers safeguarding help, not thinking traps, for abuse: %s', (text) => {
    const guidance = trapsGuidance(text, 'GB');
    expect(guidance.show).toBe('safety');
    if (guidance.show !== 'safety') return;
    expect(guidance.safety.level).toBe('safeguarding');
    expect(guidance.safety.resources.map((line) => line.group)).toContain('safeguarding');
  });

  it('offers crisis help first for a thought about ending one’s life', () => {
    const guidance = trapsGuidance('Everyone would be better off if I killed myself.', 'GB');
    expect(guidance.show).toBe('safety');
    if (guidance.show !== 'safety') return;
    expect(guidance.safety.level).toBe('crisis');
    expect(guidance.safety.resources[0]?.need).toBe('emergency');
  });

  it('uses the help lines of the person’s region', () => {
    const guidance = trapsGuidance('It is my fault he hit me, I should have kept quiet.', 'US');
    if (guidance.show !== 'safety') throw new Error('expected help');
    expect(guidance.safety.resources[0]?.contacts[0]?.number).toBe('911');
  });

  it('still suggests traps for an everyday thought, and for low mood', () => {
    const everyday = trapsGuidance('She never listens to me, she always ignores what I say.', 'GB');
    expect(everyday.show).toBe('traps');
    if (everyday.show === 'traps') expect(everyday.suggestions.length).toBeGreaterThan(0);
    expect(trapsGuidance('I feel like such a failure, nothing ever works out.', 'GB').show).toBe(
      'traps',
    );
  });
});
