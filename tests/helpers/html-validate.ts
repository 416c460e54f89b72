import type { ConfigData } from 'html-validate';

/** The html-validate rules every built page must follow. */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Stylistic only: `<!doctype html>` and `<!DOCTYPE html>` are the same to the HTML standard
    // (the doctype is case-insensitive) and to every browser; lowercase is what the templates write.
    'doctype-style': 'off',
    // A search engine's display hint, not a markup rule: project titles are the teachers' own and
    // the page title is "<project title> — <school name>"; cutting either would lose information.
    'long-title': 'off',
    // `role="list"` on a <ul> styled with `list-style: none` is on purpose: WebKit (Safari and
    // VoiceOver) drops the list semantics of such lists unless the role is given again. Every other
    // redundant role is still an error.
    'no-redundant-role': ['error', { exclude: ['list'] }],
  },
};
