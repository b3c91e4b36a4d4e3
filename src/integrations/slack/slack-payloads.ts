import { z } from "zod";
import { slackMessageSchema } from "../message-parts";
import type { FeedbackRef } from "../text-limits";

/** The slash command's form fields we use (api.slack.com/interactivity/slash-commands). */
export const slashCommandSchema = z.looseObject({
  command: z.string().optional(),
  text: z.string().default(""),
  response_url: z.url(),
  trigger_id: z.string().min(1).optional(),
  user_id: z.string().optional(),
  team_id: z.string().optional(),
});

const action = z.looseObject({ action_id: z.string(), value: z.string().optional() });

/** The `payload` field of an interaction: a message shortcut or a click on one of our buttons. */
export const interactionSchema = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("message_action"),
    callback_id: z.string(),
    /** This app's id: a message it posted carries the same in its `app_id` (message-parts.ts). */
    api_app_id: z.string().optional().catch(undefined),
    trigger_id: z.string().min(1).optional(),
    response_url: z.url(),
    user: z.looseObject({ id: z.string() }).optional(),
    team: z.looseObject({ id: z.string() }).nullish(),
    message: slackMessageSchema,
  }),
  z.looseObject({
    type: z.literal("block_actions"),
    trigger_id: z.string().min(1).optional(),
    response_url: z.url().optional(),
    user: z.looseObject({ id: z.string() }).optional(),
    team: z.looseObject({ id: z.string() }).nullish(),
    /** The message the buttons sit on: with the user, whose vote on it this is. */
    container: z.looseObject({ message_ts: z.string().optional() }).optional(),
    actions: z.array(action).min(1),
  }),
  // Anything else Slack may send an app (view submissions, global shortcuts) is acknowledged and ignored.
  z.looseObject({ type: z.enum(["shortcut", "view_submission", "view_closed", "block_suggestion"]) }),
]);

/** What a feedback button carries (we wrote it; Slack returns it signed). */
export const feedbackRefSchema = z.object({
  kbVersion: z.string().regex(/^kb-[0-9a-f]{16}$/),
  findingId: z
    .string()
    .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/)
    .max(200),
  verdict: z.enum(["affected", "not-affected", "unknown"]),
}) satisfies z.ZodType<FeedbackRef>;
