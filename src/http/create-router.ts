import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";
import { defaultHook } from "./default-hook";

/** Every router of the API: OpenAPI-documented routes, validated through the one default hook. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook });
