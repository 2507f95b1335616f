/** The action_ids of the buttons the app puts under its messages; block_actions are routed by these. */

/** "Share in channel" under an ephemeral answer; its value is the answer's question as understood and its day
 * (adapters/common/replay.ts), to answer again, the same, for everyone. */
export const SHARE_ACTION_ID = "dom0:share";
/** The App Home's table switch; its value is the day whose table to show ("" for today's). */
export const HOME_TABLE_ACTION_ID = "dom0:home-table";
// The rating buttons' action_ids come from `ratingId` (adapters/common/rating-id.ts): they start with
// RATING_ID_PREFIX and carry what was answered, so they are routed by that prefix before the exact ids above.
