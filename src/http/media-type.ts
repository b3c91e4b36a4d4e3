import type { Context } from "hono";

/** The request's media type, lower case, without parameters ("application/json"); "" when it names none. */
export const mediaType = (c: Context): string => (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
