import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBlank } from "../../src/engine/blank-text";
import { readBodyText } from "../../src/service/body-text";
import { readBundleBytes } from "../../src/service/bundle-bytes";
import { notLogPart } from "../../src/service/text-content";
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

  it("reads UTF-8 after a UTF-16 byte-order mark as UTF-8, and UTF-16 after it as UTF-16 (review 50a F3)", () => {
    const text = "Linux h1 5.15.0-91-generic #101-Ubuntu SMP\nunregister_netdevice: waiting for eth0 to become free. Usage count = 1\n";
    for (const mark of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ])
      expect(read(new Uint8Array([...mark, ...new TextEncoder().encode(text)])), `${mark}`).toBe(text);
    expect(read(new Uint8Array([0xff, 0xfe, ...utf16Bytes(text, true)]))).toBe(text);
    expect(read(new Uint8Array([0xfe, 0xff, ...utf16Bytes(text, false)]))).toBe(text);
  });

  it("reads one line of ASCII after a byte-order mark as UTF-8, and refuses it declared UTF-16 (review 51a F3)", () => {
    const line = "kernel: unregister_netdevice: waiting for eth0 to become free. Usage count = 1";
    const bytes = new TextEncoder().encode(line);
    expect(read(new Uint8Array([0xff, 0xfe, ...bytes]))).toBe(line);
    for (const charset of ["utf-16le", "utf-16"]) {
      const r = readBodyText(bytes, decode, charset);
      expect(r.ok ? r.text : r.slug, charset).toBe("charset-mismatch");
    }
    // UTF-16 of a line in any script, with its mark or declared, is still read as UTF-16.
    for (const text of [line, "内核错误：无法挂载文件系统，设备忙，请稍后再试一次吧"]) {
      expect(read(new Uint8Array([0xff, 0xfe, ...utf16Bytes(text, true)])), text).toBe(text);
      const r = readBodyText(utf16Bytes(text, true), decode, "utf-16le");
      expect(r.ok ? r.text : r.slug, text).toBe(text);
    }
  });

  it("reads UTF-8 with a NUL before a line feed as UTF-8 (cat /proc/<pid>/cmdline; echo: review 33d)", () => {
    for (const args of ["kube-proxy\u0000--proxy-mode=iptables\u0000", "kube-proxy\u0000--proxy-mode=iptables.\u0000"]) {
      const text = `${args}\nip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"\n`;
      expect(read(new TextEncoder().encode(text))).toBe(text);
    }
  });
});

describe("a body that says nothing", () => {
  it("is white space or NUL bytes only, as trim() sees white space (review 58e: a zeroed log was 'no known bug')", () => {
    const blankish = fc.constantFrom(" ", "\t", "\n", "\r", "\0", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u2028", "x", "é", "\u0085");
    fc.assert(
      fc.property(fc.array(blankish, { maxLength: 40 }), fc.string({ maxLength: 8 }), (parts, extra) => {
        for (const text of [parts.join(""), parts.join("") + extra]) expect(isBlank(text)).toBe(text.replace(/\0/g, "").trim() === "");
      }),
    );
  });
});

describe("readBundleBytes past the sample it tells text by", () => {
  it("refuses a compressed file joined after more text than the sample (review 60e F2: `cat syslog syslog.2.gz`)", () => {
    const text = "Dec  2 10:11:10 worker-2 kernel: eth0: link up\n".repeat(3000);
    const gz = gzipSync(Buffer.from('ip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"\n'));
    const read = readBundleBytes(new Uint8Array([...Buffer.from(text), ...gz]), (b) => new TextDecoder().decode(b));
    expect(read).toMatchObject({ ok: false, status: 415, slug: "compressed-body" });
    expect(!read.ok && read.detail).toMatch(/from line 3001 on/);
    // The text alone is a log.
    expect(readBundleBytes(Buffer.from(text), (b) => new TextDecoder().decode(b))).toMatchObject({ ok: true });
  });
});

describe("notLogPart: a compressed file's mark in text", () => {
  it("is text where what follows the mark reads as text: a hexdump's column, a Latin-1 line (review 60f F3)", () => {
    // `hexdump -C` of a .bz2 file prints its magic in the ASCII column; a Latin-1 "(ä/ö)" decodes to zstd's four characters.
    const hexdump =
      "$ hexdump -C data1 | head -2\n00000000  42 5a 68 39 31 41 59 26  53 59 1d aa e5 98 00 00  |BZh91AY&SY......|\n00000010  1b ff ff de 7f 7f ff bf  b7 df cf 9f ff fe bf f5  |................|\n";
    expect(notLogPart(hexdump)).toBeNull();
    const latin1 = new TextDecoder().decode(
      Uint8Array.from([...Buffer.from("Jan 10 host kernel: usb 1-1: Produkt: Tastatur ("), 0xe4, 0x2f, 0xf6, 0x29, 0x0a]),
    );
    expect(notLogPart(`${latin1}Jan 10 host dockerd[812]: failed to start daemon: Devices cgroup isn't mounted\n`)).toBeNull();
    // A line in cp1251 (review 60h): every Cyrillic letter decodes to U+FFFD, and "(м/с)" to zstd's four characters.
    const cp1251 = (t: string) =>
      Uint8Array.from([...t].map((c) => (c >= "\u0430" && c <= "\u044f" ? c.charCodeAt(0) - 0x350 : c.charCodeAt(0))));
    const russian = new TextDecoder().decode(
      cp1251(
        "Jan 10 host app: \u0441\u043a\u043e\u0440\u043e\u0441\u0442\u044c \u0432\u0435\u0442\u0440\u0430 (\u043c/\u0441) \u043f\u0440\u0435\u0432\u044b\u0448\u0435\u043d\u0430 \u043f\u043e\u0440\u043e\u0433 \u043d\u0430\u0440\u0443\u0448\u0435\u043d\n",
      ),
    );
    expect(russian).toContain("(\ufffd/\ufffd)");
    expect(notLogPart(`${russian}Jan 10 host dockerd[812]: failed to start daemon: Devices cgroup isn't mounted\n`)).toBeNull();
    // A real gzip stream after text is still found.
    const gz = new TextDecoder().decode(gzipSync(Buffer.from("x".repeat(2000) + "kernel: eth0 up\n".repeat(50))));
    expect(notLogPart(`kernel: eth0: link up\n${gz}`)).toMatchObject({ format: "gzip", line: 2 });
  });
});
