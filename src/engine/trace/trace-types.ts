/**
 * The trace of one record through a campaign (docs/trace.md): for every activity, whether the
 * record went in and came out, and why. Plain data: it crosses the worker boundary and the
 * command line prints it as JSON.
 */

/** `in`: the record left the activity on an output. `out`: it came in and was dropped there. */
export type TraceStatus = 'in' | 'out' | 'not-reached' | 'not-computed' | 'other-dimension';

/** One top-level condition of a rule, evaluated for the record. */
export interface TraceCondition {
  /** The condition as a person reads it ("country equals FR"). */
  label: string;
  /** Its value for this record; null when the record was not there to be tested. */
  value: boolean | null;
  /** This condition settled the rule's value (the first false of an AND, the first true of an OR...). */
  decided: boolean;
}

/** A rule of an activity (Build audience, a Split subset's filter...) evaluated for the record. */
export interface TraceRule {
  /** "Rule", `Subset "Gold"`... */
  title: string;
  combinator: 'and' | 'or' | 'except';
  conditions: TraceCondition[];
  /** The whole rule's value for the record (null: not tested). */
  value: boolean | null;
}

/** A dated event of a message (from the simulation's feedback and tracking tables). */
export interface TraceEvent {
  /** `YYYY-MM-DDTHH:MM:SS`, simulated time; null when the table has no time for it. */
  at: string | null;
  /** sent, delivered, bounce..., open, click, unsubscribe... */
  event: string;
  /** The clicked link, the failure reason... */
  detail?: string;
}

/** A channel's verdict on the record. */
export interface TraceEligibility {
  /** `to-send`, or `excluded` with `reason` (the deliveries table's reason). */
  verdict: 'to-send' | 'excluded';
  reason?: string;
  /** "To send" or the reason as the inspector names it. */
  label: string;
  address?: string | null;
  sendAt?: string | null;
}

export interface ActivityTrace {
  activityId: string;
  label: string;
  type: string;
  status: TraceStatus;
  /** One line: why in or out. */
  reason: string;
  /** Output ports that hold the record. */
  outputs: string[];
  rules?: TraceRule[];
  /** Inbound sets (Combine, And-join...) and whether each held the record. */
  inputs?: { transitionId: string; from: string; held: boolean }[];
  /** Deduplication: the records this one duplicated that were kept instead, and the criterion. */
  duplicateOf?: string[];
  criterion?: string;
  eligibility?: TraceEligibility;
  timeline?: TraceEvent[];
  /**
   * After a Change dimension: the records of the new dimension linked to the traced one (its
   * bookings, its account...), each with what this activity did with it. The activity's own status
   * and reason then sum them up ("2 of the 3 linked bookings are in").
   */
  linked?: { dimension: string; records: LinkedRecordTrace[] };
  /** A Change dimension the traced record (or its linked records) went through: what it linked them to. */
  change?: ChangeTrace;
}

/** What an activity did with one record linked to the traced one: the same fields as for the traced record. */
export interface LinkedRecordTrace extends Pick<ActivityTrace, 'status' | 'reason' | 'outputs' | 'rules' | 'inputs' | 'duplicateOf' | 'criterion' | 'eligibility' | 'timeline'> {
  key: string;
  /** The record's display fields, as one line. */
  name: string;
}

/** A Change dimension's links for the records followed into it. */
export interface ChangeTrace {
  /** The dimension it changes from and to. */
  from: string;
  to: string;
  /** Records followed into it (the traced one, or those linked to it) that it received. */
  received: number;
  /** Records of the new dimension linked to them: those the trace follows after it. */
  linked: number;
  /** Received records with no linked record (left out, as the activity counts them). */
  unlinked: number;
  /** Linked records beyond the first ones the trace follows (not shown). */
  notFollowed: number;
  /** Why no record was followed into it (an earlier Change dimension linked none). */
  none?: string;
}

export interface RecordTrace {
  /** The targeting dimension traced (entity name) and the record's key there. */
  dimension: string;
  key: string;
  /** The record exists in the data. */
  found: boolean;
  /** The record's display fields, as one line ("Ann, ann@x.com"). */
  label: string;
  /** Whether channels' timelines come from a simulation. */
  simulated: boolean;
  /** Every activity of the campaign, in the order the plan computes them, then those not computed. */
  activities: ActivityTrace[];
  /** Transitions the record went through. */
  transitions: string[];
  elapsedMs: number;
}

/** A record found by the search of the trace panel. */
export interface RecordMatch {
  key: string;
  label: string;
}
