/**
 * The vocabulary of message feedback (the leading product's, see docs/simulation.md): statuses,
 * failure types and failure reasons, and the tracking events.
 */
export const feedbackStatuses = ['sent', 'delivered', 'bounce', 'delay', 'exclude', 'denylist', 'duplicate', 'error'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

/** Permanent failures: the first attempt fails and the message is not retried. */
export const hardFailureReasons = ['invalid recipient', 'recipient refused'] as const;
/**
 * Temporary failures: the message is retried. `message too large` is the one `ignored` failure: a
 * retry cannot fix it, so it is not retried, but the address stays good.
 */
export const softFailureReasons = ['mailbox full', 'DNS/unknown domain', 'timeout', 'soft error', 'account disabled'] as const;
export const ignoredFailureReason = 'message too large';

export const trackingEvents = ['open', 'click', 'unsubscribe', 'complaint', 'opt-out', 'conversion'] as const;
export type TrackingEvent = (typeof trackingEvents)[number];

/** Status of an excluded message, from its reason in the deliveries table. */
export const exclusionStatus: Record<string, FeedbackStatus> = { denylisted: 'denylist', 'duplicate-address': 'duplicate' };

/**
 * When people open and click (docs/simulation.md): an exponential delay after delivery with this
 * mean, then a time that falls in the night (before NIGHT_ENDS_HOUR or from NIGHT_STARTS_HOUR) is
 * moved on to the next morning at the same minute.
 */
export const OPEN_MEAN_HOURS = 8;
export const CLICK_MEAN_MINUTES = 20;
export const UNSUBSCRIBE_MEAN_HOURS = 12;
export const NIGHT_STARTS_HOUR = 23;
export const NIGHT_ENDS_HOUR = 7;

/** Field of the targeting dimension read as the engagement score (0–100, 50 neutral). */
export const ENGAGEMENT_SCORE_FIELD = 'engagement_score';
/** Role addresses (a team rather than a person): their opens and clicks are multiplied by `poorAddress`. */
export const ROLE_ADDRESS_PATTERN = '^(info|admin|contact|sales|support|office|hello|team|noreply|no-reply|marketing|billing)@';
