/**
 * `docker version` as Docker Engine 29.0.0 prints it (client part, then the daemon's part with its engine, containerd
 * and runc; the API floor of moby's docker-v29.0.0 tag), one line per element.
 */
export const DOCKER_29_VERSION = [
  "Client: Docker Engine - Community",
  " Version:           29.0.1",
  " API version:       1.52",
  "",
  "Server: Docker Engine - Community",
  " Engine:",
  "  Version:          29.0.0",
  "  API version:      1.52 (minimum version 1.44)",
  " containerd:",
  "  Version:          v2.1.5",
  " runc:",
  "  Version:          1.3.3",
  " docker-init:",
  "  Version:          0.19.0",
];
