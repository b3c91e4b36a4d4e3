import { describe, expect, it } from "vitest";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";

// A bug that breaks containers already running, after an event (a record's `breaksRunning`), leaves a container started
// afterwards working: its symptom printed by a fresh container's first command is another cause's (review 73a F1).
const data = await loadDataKb();
const GPU = "nvidia-gpu-lost-after-systemd-daemon-reload";
const NVML = "Failed to initialize NVML: Unknown Error";
const gpu = (logs: string) => diagnoseFields(data.compiled, { logs }).findings.find((f) => f.id === GPU);
const REFUTED = /^Refuted: the failure is at the container's first command \(line \d+, printed by the run at line \d+/;

// NVIDIA/nvidia-container-toolkit#381: toolkit 1.14.0 ignored its config.toml; nothing to do with daemon-reload.
const CTK_381 = [
  `${NVML} - Even after reading the pinned issue`,
  "$ docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi",
  NVML,
  "Setup:",
  "Ubuntu 20.04.6 LTS",
  "Docker version 25.0.4, build 1a576c5",
].join("\n");
// ublue-os/bluefin#3883: the CUDA image's banner, then NVML's error, from the container's first and only command.
const BLUEFIN_3883 = [
  "docker unable to use Nvidia GPU",
  "",
  "❯ docker run --rm -it --gpus all nvidia/cuda:13.1.0-devel-ubuntu24.04 nvidia-smi ",
  "==========",
  "== CUDA ==",
  "==========",
  "",
  "CUDA Version 13.1.0",
  "",
  "Container image Copyright (c) 2016-2023, NVIDIA CORPORATION & AFFILIATES. All rights reserved.",
  "",
  NVML,
].join("\n");
// NVIDIA/nvidia-docker#1671: nvidia-smi works in the running container until the host's daemon-reload.
const WORKED_THEN_RELOAD = [
  "docker run --gpus all --rm -it nvidia/cuda:11.4.2-base-ubuntu18.04 bash",
  "root@098b49afe624:/# nvidia-smi ",
  "Fri Sep  2 21:54:31 2022       ",
  "| NVIDIA-SMI 510.68.02    Driver Version: 510.68.02    CUDA Version: 11.6     |",
  "(on host):",
  "$ systemctl daemon-reload",
  "(inside same running container):",
  "root@098b49afe624:/# nvidia-smi ",
  NVML,
].join("\n");

describe("a symptom at a fresh container's first command, of a bug that breaks running containers (review 73a F1)", () => {
  it("makes the GPU-loss finding a lead that says why, with no version to decide it", () => {
    for (const [name, logs, line, run] of [
      ["ctk#381", CTK_381, 3, 2],
      ["bluefin#3883", BLUEFIN_3883, 12, 3],
    ] as const) {
      const f = gpu(logs);
      expect(f?.confidence, name).toBe("low");
      expect(f?.unverified[0], name).toMatch(REFUTED);
      expect(f?.unverified[0], name).toContain(`(line ${line}, printed by the run at line ${run}:`);
      expect(f?.unverified[0], name).toContain("breaks containers that worked, after a later `systemctl daemon-reload`");
      // runc's version cannot decide a failure the bug does not cause (it asked for `runc --version`).
      expect(f?.verdict.decideWith?.command, name).toBeUndefined();
      expect(f?.verdict.decideWith?.step, name).toMatch(/^no version command decides it: the failure at the container's first command/);
      // The verdict says so too, not "no version of runc was given" beside that step (review 73i F9).
      expect(f?.verdict, name).toMatchObject({ status: "unknown" });
      expect(f?.verdict.reason, name).toMatch(
        new RegExp(`^ruled out by the paste whatever the versions: the failure is at the container's first command \\(line ${line}\\)`),
      );
    }
  });

  it("reads a run a code block quotes without a prompt, right before the error", () => {
    const f = gpu(CTK_381.replace("$ docker run", "docker run"));
    expect(f?.confidence).toBe("low");
    expect(f?.unverified[0]).toMatch(REFUTED);
  });

  it("reads kubectl's run of one command as a fresh container too", () => {
    const f = gpu(`$ kubectl run nvml-test --rm -i --restart=Never --image=nvidia/cuda:12.2.0-base-ubuntu22.04 -- nvidia-smi\n${NVML}`);
    expect(f?.confidence).toBe("low");
    expect(f?.unverified[0]).toMatch(REFUTED);
  });

  it("is the same in a bundle", () => {
    const f = diagnoseBundle(data.compiled, BLUEFIN_3883).findings.find((x) => x.id === GPU);
    expect(f?.confidence).toBe("low");
    expect(f?.unverified[0]).toMatch(REFUTED);
  });

  it("keeps the finding where the paste shows the bug's own sequence", () => {
    const kept = [
      // The container worked, then failed after the reload: the record's own report.
      WORKED_THEN_RELOAD,
      // A daemon-reload anywhere in the paste: a container may have lost its GPUs to it.
      `$ sudo systemctl daemon-reload\n${CTK_381}`,
      // The same run worked before: "worked, then broke".
      `$ docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi\n| NVIDIA-SMI 510.68.02    Driver Version: 510.68.02    CUDA Version: 11.6     |\n${CTK_381}`,
      // An exec into a running container.
      `$ docker exec -it gpu-job nvidia-smi\n${NVML}`,
      // A run that opens a shell: nvidia-smi is typed in it, perhaps after a reload (#1671's own commands).
      `docker run --gpus all --rm -it nvidia/cuda:11.4.2-base-ubuntu18.04 bash\nnvidia-smi \n${NVML}`,
      `$ docker run --gpus all --rm -it nvidia/cuda:11.4.2-base-ubuntu18.04 bash\nnvidia-smi \n${NVML}`,
      `$ kubectl run gpu -it --rm --image=nvidia/cuda:11.4.2-base-ubuntu18.04\nnvidia-smi \n${NVML}`,
    ];
    for (const logs of kept) {
      const f = gpu(logs);
      expect(f?.confidence, logs.slice(0, 60)).toBe("medium");
      expect(
        f?.unverified.some((u) => REFUTED.test(u)),
        logs.slice(0, 60),
      ).toBe(false);
    }
  });

  it("keeps the runc 1.1.3 pty record on an exec after daemon-reload (fedora-coreos-tracker#1321)", () => {
    const logs = [
      "$ docker run -d --rm --name test alpine sleep 1m",
      "615a522f28ad6751139f4ff757378605d136c582b6368cefa860ffccfd4f9b7a",
      "$ docker exec -it test echo hello",
      "hello",
      "$ sudo systemctl daemon-reload",
      "$ docker exec -it test echo hello",
      "OCI runtime exec failed: exec failed: unable to start container process: open /dev/pts/0: operation not permitted: unknown",
    ].join("\n");
    const f = diagnoseFields(data.compiled, { logs }).findings.find((x) => x.id === "runc-1.1.3-exec-dev-pts-after-daemon-reload");
    expect(f?.confidence).not.toBe("low");
    expect(f?.unverified.some((u) => REFUTED.test(u))).toBe(false);
  });
});
