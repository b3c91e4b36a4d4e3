import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPutAPIApplicationCommandsJSONBody } from "discord-api-types/v10";

export const SLASH_COMMAND = "diagnose";
export const MESSAGE_COMMAND = "Diagnose";

/** The two commands, as registered with Discord (scripts: `npm run discord:register`). */
export const discordCommands = [
  {
    type: ApplicationCommandType.ChatInput,
    name: SLASH_COMMAND,
    description: "Match a log excerpt (or a bug id, CVE, commit or words) against known bugs",
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "log",
        description: "Log lines, optionally with a `uname -a` line; or a bug id, CVE, commit id or search words",
        required: true,
        max_length: 6000,
      },
      { type: ApplicationCommandOptionType.Boolean, name: "share", description: "Answer in the channel (default: only you see it)" },
    ],
  },
  { type: ApplicationCommandType.Message, name: MESSAGE_COMMAND },
] satisfies RESTPutAPIApplicationCommandsJSONBody;
