import { describe, expect, it } from "vitest";
import { readBodyText } from "../../src/service/body-text";
import { utf16Bytes } from "../support/hardening-contract";

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const read = (bytes: Uint8Array) => {
  const r = readBodyText(bytes, decode);
  return r.ok ? r.text : `refused: ${r.slug}`;
};

describe("a body's text, without a charset or a byte-order mark", () => {
  it("reads UTF-16 of one line break in any script, little- or big-endian (review 33e)", () => {
    for (const text of [
      "内核错误：无法挂载文件系统\n系统日志",
      "Ошибка ядра: не удалось смонтировать\nжурнал",
      "plain ascii one line\n",
      "内核\r\n错误",
    ])
      for (const little of [true, false]) expect(read(utf16Bytes(text, little)), `${text} ${little}`).toBe(text);
  });

  it("reads UTF-8 with a NUL before a line feed as UTF-8 (cat /proc/<pid>/cmdline; echo: review 33d)", () => {
    for (const args of ["kube-proxy\u0000--proxy-mode=iptables\u0000", "kube-proxy\u0000--proxy-mode=iptables.\u0000"]) {
      const text = `${args}\nip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"\n`;
      expect(read(new TextEncoder().encode(text))).toBe(text);
    }
  });
});
