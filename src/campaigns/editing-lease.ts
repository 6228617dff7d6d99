import type { CampaignDoc } from '../domain/campaign';

/**
 * One tab edits a campaign; the other tabs open on it follow its changes live and are read-only
 * until the person takes over editing there. Two tabs writing the same document would each save
 * their whole copy over the other's, so that edits of one were lost without a sign.
 *
 * - The editing tab holds a Web Lock named after the campaign. The lock is released when the tab
 *   closes or crashes, so another tab can always edit next: the first follower waiting for it gets
 *   it and becomes the editor.
 * - The editor sends every new version of the document on a BroadcastChannel; followers show it.
 * - Taking over asks the editor to hand over: it commits what is still typed in a field, sends its
 *   last document and stops editing; then the new tab takes the lock (stealing it, so that a tab
 *   that does not answer cannot keep it).
 */
export type EditingRole = 'opening' | 'editor' | 'follower';

type Message =
  | { kind: 'hello'; id: string; tab: string }
  | { kind: 'doc'; id: string; tab: string; doc: CampaignDoc }
  | { kind: 'hand-over'; id: string; tab: string }
  | { kind: 'handed-over'; id: string; tab: string; doc: CampaignDoc };

export interface EditingLeaseOptions {
  campaignId: string;
  /** The role changed; `reason` says why when this tab stopped or started editing on its own. */
  onRole: (role: EditingRole, reason?: 'taken-over' | 'editor-left') => void;
  /** A newer document from the editing tab (only while following). */
  onDoc: (doc: CampaignDoc) => void;
  /** The current document of this tab, after committing drafts (asked when handing over). */
  latestDoc: () => CampaignDoc;
}

/** How long a take-over waits for the editing tab to hand over before taking the lock anyway. */
export const HAND_OVER_WAIT_MS = 3000;

const tab = Math.random().toString(36).slice(2);

export class EditingLease {
  private role: EditingRole = 'opening';
  private release: (() => void) | undefined;
  private waiting: AbortController | undefined;
  private channel: BroadcastChannel | undefined;
  private handOverTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  /** This tab asked the editing tab to hand over and has not had its last document yet. */
  private handOverPending = false;
  private readonly lockName: string;

  constructor(private readonly options: EditingLeaseOptions) {
    this.lockName = `campaign-canvas:editing:${options.campaignId}`;
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel('campaign-canvas:editing');
      this.channel.addEventListener('message', (e: MessageEvent<Message>) => this.receive(e.data));
    }
    if (typeof navigator === 'undefined' || !navigator.locks) {
      // No Web Locks (an old browser): every tab edits, as before.
      this.setRole('editor');
      return;
    }
    navigator.locks
      .request(this.lockName, { ifAvailable: true }, (lock) => {
        // Closed before the lock came (an editor mounted and unmounted at once, as React's
        // development mode does): let it go at once, or no tab could ever edit the campaign.
        if (this.closed) return undefined;
        if (!lock) {
          this.follow();
          return undefined;
        }
        return this.hold();
      })
      .catch(() => this.stolen());
  }

  get current(): EditingRole {
    return this.role;
  }

  /** Sends this tab's new document to the followers (only while editing). */
  publish(doc: CampaignDoc): void {
    if (this.role === 'editor') this.post({ kind: 'doc', id: this.options.campaignId, tab, doc });
  }

  /** Makes this tab the editor: the editing tab hands over, or the lock is taken after a wait. */
  takeOver(): void {
    if (this.role !== 'follower' || this.closed) return;
    this.handOverPending = true;
    this.post({ kind: 'hand-over', id: this.options.campaignId, tab });
    clearTimeout(this.handOverTimer);
    this.handOverTimer = setTimeout(() => {
      this.handOverPending = false;
      this.steal();
    }, HAND_OVER_WAIT_MS);
  }

  /** The editor page closes: the lock goes to the next tab waiting for it. */
  close(): void {
    this.closed = true;
    clearTimeout(this.handOverTimer);
    this.waiting?.abort();
    this.release?.();
    this.channel?.close();
  }

  private hold(reason?: 'editor-left'): Promise<void> {
    this.setRole('editor', this.handOverPending ? undefined : reason);
    // Held until this tab closes the editor or hands over; a steal rejects it (see steal()).
    return new Promise<void>((resolve) => {
      this.release = resolve;
    });
  }

  /** Waits for the lock (the editing tab closing), following the editor meanwhile. */
  private follow(reason?: 'taken-over') {
    if (this.closed) return;
    this.release = undefined;
    this.setRole('follower', reason);
    this.post({ kind: 'hello', id: this.options.campaignId, tab });
    this.waiting?.abort();
    const waiting = new AbortController();
    this.waiting = waiting;
    navigator.locks
      .request(this.lockName, { signal: waiting.signal }, () => {
        if (this.closed) return undefined;
        return this.hold('editor-left');
      })
      .catch(() => {
        // Aborted (this tab closed, or takes over with a steal), or held then stolen.
        if (!waiting.signal.aborted) this.stolen();
      });
  }

  private steal() {
    if (this.role !== 'follower' || this.closed) return;
    this.waiting?.abort();
    this.waiting = undefined;
    navigator.locks
      .request(this.lockName, { steal: true }, () => (this.closed ? undefined : this.hold()))
      .catch(() => this.stolen());
  }

  /** Another tab took the lock without a hand-over (this one did not answer in time): follow it. */
  private stolen() {
    if (this.closed || this.role !== 'editor') return;
    this.follow('taken-over');
  }

  private receive(m: Message) {
    if (!m || m.id !== this.options.campaignId || m.tab === tab || this.closed) return;
    if (m.kind === 'hello' && this.role === 'editor') {
      this.post({ kind: 'doc', id: m.id, tab, doc: this.options.latestDoc() });
    } else if (m.kind === 'doc' && this.role === 'follower') {
      this.options.onDoc(m.doc);
    } else if (m.kind === 'hand-over' && this.role === 'editor') {
      // Commit what is typed, send the last version, stop editing; the asking tab takes the lock.
      const doc = this.options.latestDoc();
      const release = this.release;
      this.post({ kind: 'handed-over', id: m.id, tab, doc });
      this.follow('taken-over');
      release?.();
    } else if (m.kind === 'handed-over' && this.handOverPending) {
      this.handOverPending = false;
      // The lock may already have come to this tab as the other released it: the last version
      // still counts.
      this.options.onDoc(m.doc);
      this.steal();
    }
  }

  private setRole(role: EditingRole, reason?: 'taken-over' | 'editor-left') {
    this.role = role;
    this.options.onRole(role, reason);
  }

  private post(m: Message) {
    try {
      this.channel?.postMessage(m);
    } catch {
      // A closed channel: the page is going away.
    }
  }
}
