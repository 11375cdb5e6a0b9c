/**
 * Apollo Client's development build: its warnings ("Cache data may be lost…", "Missing field…")
 * exist only there, and its CommonJS entry reads this flag once, when it loads. Import this
 * module before `@apollo/client`.
 */
(globalThis as { __DEV__?: boolean }).__DEV__ = true;
