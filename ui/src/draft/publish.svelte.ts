// Publishing one post-mortem: save the draft, run the checks, show what blocks and what
// only warns, publish with the chosen options, and follow what the core did with it:
// pushed, kept locally, queued for later, or diverted to a review branch.

import { asIpcError, ipc as defaultIpc } from '../ipc';
import type { Checks, Delivery, Ipc, IpcError, PublishOptions, PublishReport, Published, Queued } from '../ipc';

export type PublishIpc = Pick<Ipc, 'publishChecks' | 'publish' | 'publishQueue' | 'retryPublishQueue'>;

/** How often the queue is read again while the panel is open. */
export const QUEUE_REFRESH_MS = 5000;

export interface Problem {
  key: string;
  kind: 'unsaved' | 'secret' | 'section' | 'wording' | 'unfinished';
  text: string;
}

export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}

/** Committed but not on the remote yet: queued for a repository out of reach, or refused by it. */
export function waitsToBePushed(delivery: Delivery): boolean {
  return delivery.state === 'queued' || delivery.state === 'refused' || delivery.state === 'read-only';
}

/** Whether the publish went somewhere other than the main branch. */
export function onReviewBranch(published: Published): boolean {
  return published.diverted || published.branch.startsWith('debrief/');
}

export class PublishSession {
  readonly incident: string;
  readonly api: PublishIpc;
  /** Saves the draft first; false when the editor's text could not be saved. */
  readonly prepare: () => Promise<boolean>;

  review = $state(false);
  strict = $state(false);
  allowSecrets = $state.raw<string[]>([]);
  unsaved = $state(false);
  checking = $state(false);
  checks = $state.raw<Checks | null>(null);
  checkError = $state.raw<IpcError | null>(null);
  publishing = $state(false);
  report = $state.raw<PublishReport | null>(null);
  publishError = $state.raw<IpcError | null>(null);
  queue = $state.raw<Queued[]>([]);
  queueError = $state.raw<IpcError | null>(null);
  retrying = $state(false);
  /** What the last "Retry now" did, in one sentence. */
  retried = $state<string | null>(null);

  /** What stops the publish: an unsaved draft, secrets, empty required sections, and wording when strict. */
  blocking = $derived.by(() => this.#problems().blocking);
  /** What is reported but does not stop it. */
  warnings = $derived.by(() => this.#problems().warnings);
  /** Secret rules found now or allowed on purpose, each with its findings. */
  secretRules = $derived.by(() => {
    const rules = new Map<string, { description: string; places: string[] }>();
    for (const rule of this.allowSecrets) rules.set(rule, { description: '', places: [] });
    for (const secret of this.checks?.secrets ?? []) {
      const entry = rules.get(secret.rule) ?? { description: secret.description, places: [] };
      entry.description ||= secret.description;
      entry.places.push(`line ${secret.line}, column ${secret.column}: ${secret.hint}`);
      rules.set(secret.rule, entry);
    }
    return [...rules].map(([rule, entry]) => ({ rule, ...entry }));
  });
  canPublish = $derived(this.checks !== null && !this.checking && !this.publishing && this.blocking.length === 0);

  constructor(incident: string, prepare: () => Promise<boolean>, api: PublishIpc = defaultIpc) {
    this.incident = incident;
    this.prepare = prepare;
    this.api = api;
  }

  options(): PublishOptions {
    return { review: this.review, strict: this.strict, allow_secrets: [...this.allowSecrets] };
  }

  /** Saves the draft, then checks it as it would be published. */
  async check(): Promise<void> {
    this.checking = true;
    try {
      this.unsaved = !(await this.prepare());
      this.checks = await this.api.publishChecks(this.incident, this.options());
      this.checkError = null;
    } catch (failure) {
      this.checkError = asIpcError(failure);
    } finally {
      this.checking = false;
    }
  }

  setStrict(strict: boolean): Promise<void> {
    this.strict = strict;
    return this.check();
  }

  /** "This is not a secret": the scan skips the rule for this publish. */
  allowSecret(rule: string, allowed: boolean): Promise<void> {
    const others = this.allowSecrets.filter((candidate) => candidate !== rule);
    this.allowSecrets = allowed ? [...others, rule] : others;
    return this.check();
  }

  async publish(): Promise<void> {
    if (!this.canPublish) return;
    this.publishing = true;
    this.publishError = null;
    this.report = null;
    try {
      this.unsaved = !(await this.prepare());
      if (this.unsaved) return;
      const report = await this.api.publish(this.incident, this.options());
      this.report = report;
      this.checks = report.checks;
      if (report.published && waitsToBePushed(report.published.delivery)) await this.refreshQueue();
    } catch (failure) {
      this.publishError = asIpcError(failure);
    } finally {
      this.publishing = false;
    }
  }

  async refreshQueue(): Promise<void> {
    try {
      this.queue = await this.api.publishQueue();
      this.queueError = null;
    } catch (failure) {
      this.queueError = asIpcError(failure);
    }
  }

  /** Tries to push what is queued now. */
  async retry(): Promise<void> {
    this.retrying = true;
    try {
      const results = await this.api.retryPublishQueue();
      this.#follow(results);
      const pushed = results.filter(([, delivery]) => delivery.state === 'pushed').length;
      const waiting = results.filter(([, delivery]) => waitsToBePushed(delivery));
      const reason = waiting.map(([, delivery]) => delivery).find((delivery) => 'reason' in delivery);
      this.retried =
        results.length === 0
          ? 'Nothing was waiting to be pushed.'
          : `${pushed} pushed, ${waiting.length} still queued${reason && 'reason' in reason ? ` (${reason.reason})` : ''}.`;
    } catch (failure) {
      this.retried = asIpcError(failure).message;
    } finally {
      this.retrying = false;
    }
    await this.refreshQueue();
  }

  /** When a retry pushed the commit just published, the result says so. */
  #follow(results: [string, Delivery][]): void {
    const published = this.report?.published;
    if (!this.report || !published) return;
    const match = results.find(
      ([commit]) => commit !== '' && (published.commit.startsWith(commit) || commit.startsWith(published.commit)),
    );
    if (!match) return;
    this.report = { ...this.report, published: { ...published, delivery: match[1] } };
  }

  #problems(): { blocking: Problem[]; warnings: Problem[] } {
    const blocking: Problem[] = [];
    const warnings: Problem[] = [];
    if (this.unsaved) {
      blocking.push({
        key: 'unsaved',
        kind: 'unsaved',
        text: 'The draft is NOT saved: publishing now would leave out what was typed last. Save it first.',
      });
    }
    const checks = this.checks;
    if (!checks) return { blocking, warnings };
    checks.secrets
      .filter((secret) => !this.allowSecrets.includes(secret.rule))
      .forEach((secret, index) =>
        blocking.push({
          key: `secret-${index}`,
          kind: 'secret',
          text: `Line ${secret.line}: looks like ${secret.description} (${secret.hint}).`,
        }),
      );
    checks.required_sections.forEach((concern, index) =>
      (concern.level === 'attention' ? blocking : warnings).push({
        key: `section-${index}`,
        kind: 'section',
        text: concern.message,
      }),
    );
    const strict = checks.strict || this.strict;
    checks.wording.forEach((finding, index) =>
      (strict && finding.severity !== 'note' ? blocking : warnings).push({
        key: `wording-${index}`,
        kind: 'wording',
        text: `Line ${finding.line}: “${finding.phrase}”: ${finding.message}${
          finding.suggestion ? ` Try “${finding.suggestion}”.` : ''
        }`,
      }),
    );
    checks.unfinished.forEach((concern, index) =>
      warnings.push({ key: `unfinished-${index}`, kind: 'unfinished', text: concern.message }),
    );
    return { blocking, warnings };
  }
}
