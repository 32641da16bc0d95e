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
