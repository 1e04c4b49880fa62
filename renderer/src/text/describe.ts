/** The plan's changes in words live beside the plan model, so the command line's sync report says them as the feed does. */
export { describeActivity, describeChange, describeEvent, timeAgo } from '../../../shared/plan/describe';
