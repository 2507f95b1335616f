/** The action_ids of the buttons the app puts under its messages; block_actions are routed by these. */

/** "Share in channel" under an ephemeral answer; its value is the question to answer again for everyone. */
export const SHARE_ACTION_ID = "dom0:share";
// The rating buttons' action_ids come from `ratingId` (adapters/common/rating-id.ts): they start with
// RATING_ID_PREFIX and carry what was answered, so they are routed by that prefix before the exact ids above.
