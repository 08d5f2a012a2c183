/** 225 → "3 h 45 min", 240 → "4 h", 30 → "30 min": short enough for tables on a phone. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
