// Registers /diagnose and the Diagnose message command with Discord (needs the network and a bot token):
//   DISCORD_APPLICATION_ID=… DISCORD_BOT_TOKEN=… [DISCORD_GUILD_ID=…] npm run discord:register
// With DISCORD_GUILD_ID the commands appear in that server at once; without it, in every server that
// installs the app. Re-running replaces the app's commands with these two (a bulk overwrite).
import { z } from "zod";
import { discordCommands } from "./commands";

const env = z
  .object({
    DISCORD_APPLICATION_ID: z.string().regex(/^\d+$/, "the application's numeric id (Developer Portal → General Information)"),
    DISCORD_BOT_TOKEN: z.string().min(1, "the bot token (Developer Portal → Bot → Reset Token)"),
    DISCORD_GUILD_ID: z.string().regex(/^\d+$/).optional(),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`discord:register: ${env.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  process.exit(2);
}
const { DISCORD_APPLICATION_ID: app, DISCORD_BOT_TOKEN: token, DISCORD_GUILD_ID: guild } = env.data;
const url = `https://discord.com/api/v10/applications/${app}${guild ? `/guilds/${guild}` : ""}/commands`;
const res = await fetch(url, {
  method: "PUT",
  headers: { authorization: `Bot ${token}`, "content-type": "application/json" },
  body: JSON.stringify(discordCommands),
});
if (!res.ok) {
  console.error(`Discord refused the commands: HTTP ${res.status}\n${await res.text()}`);
  process.exit(1);
}
const registered = (await res.json()) as Array<{ id: string; name: string; type: number }>;
for (const c of registered)
  console.log(`registered ${c.type === 1 ? `/${c.name}` : `"${c.name}" (message command)`} ${c.id}${guild ? ` in guild ${guild}` : ""}`);
