// Mitchell, Agle & Wood (1997) stakeholder salience: the class follows from which of power,
// legitimacy and urgency a stakeholder has.
export type SalienceClass =
  | 'definitive'
  | 'dominant'
  | 'dangerous'
  | 'dependent'
  | 'dormant'
  | 'discretionary'
  | 'demanding'
  | 'non-stakeholder';

export interface SalienceAttributes {
  power: boolean;
  legitimacy: boolean;
  urgency: boolean;
}

export function salienceClass({ power, legitimacy, urgency }: SalienceAttributes): SalienceClass {
  if (power && legitimacy && urgency) return 'definitive';
  if (power && legitimacy) return 'dominant';
  if (power && urgency) return 'dangerous';
  if (legitimacy && urgency) return 'dependent';
  if (power) return 'dormant';
  if (legitimacy) return 'discretionary';
  if (urgency) return 'demanding';
  return 'non-stakeholder';
}

export const SALIENCE_HINTS: Record<SalienceClass, string> = {
  definitive: 'Power, legitimacy and urgency: act on their view first.',
  dominant: 'Power and legitimacy: keep closely consulted.',
  dangerous: 'Power and urgency without legitimacy: watch for coercion.',
  dependent: 'Legitimate and urgent but needs others’ power: advocate for them.',
  dormant: 'Power only: could become salient; keep informed.',
  discretionary: 'Legitimacy only: no pressure, but worth hearing.',
  demanding: 'Urgency only: loud but without power or legitimacy.',
  'non-stakeholder': 'No power, legitimacy or urgency.',
};

/**
 * Whether anyone has assessed the person: the three attributes start false, and a person on a
 * decision's RACI is never truly a non-stakeholder, so all three false means "not assessed".
 */
export const isAssessed = (s: SalienceAttributes): boolean => s.power || s.legitimacy || s.urgency;

/**
 * What their roles suggest until someone assesses them: the Accountable holds power; anyone
 * Accountable, Responsible or Consulted has a legitimate claim. Urgency is theirs to show.
 */
export function suggestedSalience(raci: readonly ('R' | 'A' | 'C' | 'I')[]): SalienceAttributes {
  return {
    power: raci.includes('A'),
    legitimacy: raci.some((r) => r === 'A' || r === 'R' || r === 'C'),
    urgency: false,
  };
}
