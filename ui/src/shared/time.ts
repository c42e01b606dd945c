// Times as Debrief shows them everywhere: with the date and the UTC offset they were
// recorded with, never a bare time of day and never silently converted to this
// machine's zone, because incidents cross midnight, zones and daylight-saving changes.

const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** `2026-11-23T14:05:30+01:00` → `2026-11-23 14:05:30 +01:00` (as `debrief` prints it). */
export function displayTime(rfc3339: string): string {
  const parts = RFC3339.exec(rfc3339);
  if (!parts) return rfc3339;
  const [, date, time, zone] = parts;
  return `${date} ${time} ${zone === 'Z' ? '+00:00' : zone}`;
}

/** Now, to the second, in this machine's zone with its offset: the stamp of a typed line. */
export function nowStamp(now: Date = new Date()): string {
  const pad = (value: number) => String(Math.trunc(Math.abs(value))).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  return `${date}T${time}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** A duration as a responder reads it: `45s`, `12m`, `1h 05m`, `2d 3h`. */
export function displayDuration(milliseconds: number): string {
  const whole = Math.trunc(milliseconds / 1000);
  const sign = whole < 0 ? '-' : '';
  const seconds = Math.abs(whole);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor(seconds / 3_600) % 24;
  const minutes = Math.floor(seconds / 60) % 60;
  let body: string;
  if (days > 0) body = `${days}d ${hours}h`;
  else if (hours > 0) body = `${hours}h ${String(minutes).padStart(2, '0')}m`;
  else if (minutes > 0) body = `${minutes}m`;
  else body = `${seconds % 60}s`;
  return `${sign}${body}`;
}

/** How long after `start` something happened, both RFC 3339. */
export function durationBetween(start: string, end: string): string {
  return displayDuration(Date.parse(end) - Date.parse(start));
}
