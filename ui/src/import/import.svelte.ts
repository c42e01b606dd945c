// Importing another perspective into an incident's timeline: a Slack export, a chat
// log, a conversation pasted from a chat app's window or a git repository's commits. Always a preview first (a dry run), then the
// same source for real. Reading an export's channels and a preview are abandoned when the
// view closes; an import under way is not.

import type { ImportReport, ImportSource, Ipc } from '../ipc';
import type { TaskIpc } from '../ipc/tasks';

export type ImportIpc = TaskIpc & Pick<Ipc, 'slackChannels' | 'importInto'>;

export type SourceKind = ImportSource['source'];

export const SOURCE_KINDS: { value: SourceKind; label: string }[] = [
  { value: 'slack', label: 'Slack export' },
  { value: 'chat-log', label: 'Chat log' },
  { value: 'pasted', label: 'Conversation pasted here' },
  { value: 'git', label: 'Git repository' },
];

/** By name only: a `.zip` is a Slack export, `.log`/`.txt` a chat log, anything else a git repository. */
export function guessKind(path: string): SourceKind {
  const name = path.trim().replace(/[\\/]+$/, '').toLowerCase();
  if (name.endsWith('.zip') || /(^|[\\/])channels\.json$/.test(name)) return 'slack';
  if (name.endsWith('.log') || name.endsWith('.txt')) return 'chat-log';
  return 'git';
}

/** The source as the core takes it, or null while something it needs is missing. */
export function toSource(
  kind: SourceKind,
  path: string,
  channel: string,
  branch: string,
  pasted: string = '',
): ImportSource | null {
  if (kind === 'pasted') return pasted.trim() === '' ? null : { source: 'pasted', text: pasted };
  const trimmed = path.trim();
  if (trimmed === '') return null;
  if (kind === 'slack') return channel === '' ? null : { source: 'slack', path: trimmed, channel };
  if (kind === 'chat-log') return { source: 'chat-log', path: trimmed };
  return { source: 'git', path: trimmed, branch: branch.trim() === '' ? null : branch.trim() };
}

/** The first line of a message, shortened for a table cell. */
export function firstLine(text: string, max: number = 160): string {
  const line = text.split(/\r?\n/, 1)[0].trim();
  const more = line.length > max || text.trim().includes('\n');
  const short = line.length > max ? `${line.slice(0, max - 1)}` : line;
  return more ? `${short}…` : short;
}

export function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${new Intl.NumberFormat('en').format(count)} ${count === 1 ? one : many}`;
}

/** `Would add 12 lines (3 already there)` for a preview, `Added 12 lines from …` after. */
export function summarize(report: ImportReport): string {
  if (report.dry_run) {
    const already = report.already_present > 0 ? ` (${new Intl.NumberFormat('en').format(report.already_present)} already there)` : '';
    return `Would add ${plural(report.added, 'line')}${already}`;
  }
  const already = report.already_present > 0 ? `; ${plural(report.already_present, 'line was', 'lines were')} already there` : '';
  return `Added ${plural(report.added, 'line')} from ${report.source}${already}`;
}
