import { IPVS_FALLBACK, UBUNTU_2204_OS_RELEASE, XOR_MARK_JOURNALD } from "./seed-logs";

/**
 * The seed incident as a person pastes it: `uname -r` of the affected Ubuntu 22.04 kernel, os-release,
 * kube-proxy's ipset complaint and the `--xor-mark` failure.
 */
export const SEED_BUNDLE = `5.15.0-127-generic\n${UBUNTU_2204_OS_RELEASE}\n${IPVS_FALLBACK}\n${XOR_MARK_JOURNALD}`;
