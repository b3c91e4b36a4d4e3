export * from "./component-version";
export * from "./dpkg-version";
export * from "./kernel-version";
export * from "./pacman-version";
export { describeRange } from "./range-text";
export type * from "./range-types";
export * from "./ranges";
export * from "./rpm-version";
export * from "./scheme";
