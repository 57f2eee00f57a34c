// #region parse
// The forms release N stored: '123.45', ' 42 ', '1,234.5'. Anything else is not an amount.
const LEGACY_TOTAL = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/;

/** Cents of a total as release N stored it, or null when the text is not an amount. */
export function parseTotal(total: string): bigint | null {
  const match = LEGACY_TOTAL.exec(total);
  if (!match) return null;
  const [, units, fraction = ''] = match;
  return BigInt(units.replaceAll(',', '')) * 100n + BigInt(fraction.padEnd(2, '0'));
}
// #endregion parse

/** The text release N reads: '12.50' for 1250 cents. */
export function formatTotal(cents: bigint): string {
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}
