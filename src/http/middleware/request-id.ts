import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";

/** A client's own id is kept only when it is a short token: no spaces, quotes, control characters or markup. */
const SAFE_CLIENT_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Every request gets an id the server made (in X-Request-Id, problem bodies and logs). A client's
 * X-Request-Id is never echoed: when it is a safe token it is logged as clientRequestId, so the
 * two can be correlated, and otherwise dropped.
 */
export const requestIds: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = crypto.randomUUID();
  c.set("requestId", id);
  const client = c.req.header("x-request-id");
  c.set("clientRequestId", client !== undefined && SAFE_CLIENT_ID.test(client) ? client : undefined);
  await next();
  c.res.headers.set("X-Request-Id", id);
};
