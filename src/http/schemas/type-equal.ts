/** True only when X and Y are the same type (not merely assignable one way). */
export type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
/** Fails to compile unless T is `true`: `type _ = Expect<Equal<A, B>>`. */
export type Expect<T extends true> = T;
