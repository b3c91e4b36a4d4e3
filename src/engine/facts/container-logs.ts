/**
 * The labels a log reader puts before each line of a container's own log: `docker compose logs`' service column ("wireguard
 * | ", docker/compose's log printer) and `kubectl logs --prefix`'s "[pod/name/container] " (kubectl's logs command). A
 * line behind one was printed by a program in that container, whose binaries are its image's, not the host's.
 */
export const COMPOSE_LABEL = String.raw`[A-Za-z][\w.@-]*\s+\| `;
export const POD_LABEL = String.raw`\[pod\/[^\]\s]+\] `;
const CONTAINER_LABEL = new RegExp(`^\\s*(?:${COMPOSE_LABEL}|${POD_LABEL})`);

/** Whether a line is behind a container log's label (COMPOSE_LABEL, POD_LABEL). */
export const containerLabelled = (line: string): boolean => CONTAINER_LABEL.test(line);

/**
 * A command printing a container's or a pod's log: a local runtime's (`docker logs`, `crictl logs`), a compose project's
 * (`docker compose logs`, `docker-compose logs`, `podman-compose logs`) or the cluster's (`kubectl logs`, `oc logs`).
 */
export const CONTAINER_LOG_COMMAND =
  /(?:^|\s)(?:(?:docker|podman|nerdctl|crictl)(?:\s+compose|\s+container)?|docker-compose|podman-compose|(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?)\s+logs(?:\s|$)/;
