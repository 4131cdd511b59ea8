#ifndef ACTIONPLAN_CNCURSES_SHIM_H
#define ACTIONPLAN_CNCURSES_SHIM_H

/* The wide-character API (get_wch, setcchar, cchar_t) is only declared with NCURSES_WIDECHAR. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <unistd.h>
#include <string.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>

/* Macros and C globals Swift cannot import (or rejects under strict concurrency), as functions. */
static inline WINDOW *ap_stdscr(void) { return stdscr; }
static inline FILE *ap_stdout(void) { return stdout; }
static inline FILE *ap_stdin(void) { return stdin; }
static inline attr_t ap_a_normal(void) { return A_NORMAL; }
static inline attr_t ap_a_bold(void) { return A_BOLD; }
static inline attr_t ap_a_reverse(void) { return A_REVERSE; }
static inline attr_t ap_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ap_a_dim(void) { return A_DIM; }
/* Clicks and the wheel only: without REPORT_MOUSE_POSITION the terminal sends no motion flood. */
static inline mmask_t ap_click_and_wheel_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t ap_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t ap_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t ap_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t ap_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int ap_key_f(int n) { return KEY_F(n); }

/* Key codes for the bracketed-paste markers ESC [ 200 ~ and ESC [ 201 ~, registered with define_key. */
static inline int ap_key_paste_begin(void) { return KEY_MAX + 1; }
static inline int ap_key_paste_end(void) { return KEY_MAX + 2; }
/* Key code for the start of an SGR (DEC mode 1006) mouse report, ESC [ <, registered with define_key. */
static inline int ap_key_sgr_mouse(void) { return KEY_MAX + 3; }

/* Whether the terminal description already decodes SGR mouse reports itself (kmous is ESC [ <). */
static inline int ap_kmous_is_sgr(void) {
    const char *kmous = tigetstr("kmous");
    return kmous != NULL && kmous != (const char *)-1 && strcmp(kmous, "\033[<") == 0;
}

/* Asks for SGR-encoded mouse reports (DEC mode 1006), or stops asking. write(2) only, as above. */
static inline void ap_sgr_mouse(int on) {
    static const char enable[] = "\033[?1006h";
    static const char disable[] = "\033[?1006l";
    ssize_t written = on ? write(STDOUT_FILENO, enable, sizeof enable - 1) : write(STDOUT_FILENO, disable, sizeof disable - 1);
    (void)written;
}

/* Asks the terminal to bracket pasted text (DEC mode 2004), or stops asking. Uses write(2) only, so the
   signal handler may call it; terminals that do not know the mode ignore it. */
static inline void ap_bracketed_paste(int on) {
    static const char enable[] = "\033[?2004h";
    static const char disable[] = "\033[?2004l";
    ssize_t written = on ? write(STDOUT_FILENO, enable, sizeof enable - 1) : write(STDOUT_FILENO, disable, sizeof disable - 1);
    (void)written;
}

/* Sets one cell: a base character with up to four combining characters and attributes. */
static inline int ap_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, (short)pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

/* Whether the terminal's description can address the cursor (tigetstr returns NULL or (char*)-1 otherwise). */
static inline int ap_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

/* True when the current locale's codeset is UTF-8. */
static inline int ap_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
