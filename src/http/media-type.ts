import type { Context } from "hono";
import { MIMEType } from "whatwg-mimetype";

/** The request's media type, lower case, without parameters ("application/json"); "" when it names none. */
export const mediaType = (c: Context): string => (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/** The request's charset parameter, as the WHATWG MIME type parser reads it (quoted or not); undefined when none. */
export const charsetOf = (c: Context): string | undefined => MIMEType.parse(c.req.header("content-type") ?? "")?.parameters.get("charset");
