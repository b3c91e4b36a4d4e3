import type { RESTPutAPIApplicationCommandsJSONBody } from "discord-api-types/v10";

// Values of discord-api-types' enums (ApplicationCommandType, ApplicationCommandOptionType).
const CHAT_INPUT = 1;
const MESSAGE = 3;
const STRING = 3;
const BOOLEAN = 5;

export const SLASH_COMMAND = "diagnose";
export const MESSAGE_COMMAND = "Diagnose";

/** The two commands, as registered with Discord (scripts: `npm run discord:register`). */
export const discordCommands = [
  {
    type: CHAT_INPUT,
    name: SLASH_COMMAND,
    description: "Match a log excerpt (or a bug id, CVE, commit or words) against known bugs",
    options: [
      {
        type: STRING,
        name: "log",
        description: "Log lines, optionally with a `uname -a` line; or a bug id, CVE, commit id or search words",
        required: true,
        max_length: 6000,
      },
      { type: BOOLEAN, name: "share", description: "Answer in the channel (default: only you see it)" },
    ],
  },
  { type: MESSAGE, name: MESSAGE_COMMAND },
] satisfies RESTPutAPIApplicationCommandsJSONBody;
