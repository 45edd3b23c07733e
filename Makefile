# awsai: see README.md. `make` builds build/awsai; `make check` runs every
# test, then again under AddressSanitizer + UndefinedBehaviorSanitizer.

BUILD	?= build
CC	?= cc
PKGS	 = sqlite3 jansson
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN	 = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wpointer-arith
OPT	?= -O2 -g
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined -DAWSAI_SANITIZE
ifdef SANITIZE
OPT	 = -O1 -g $(SAN_FLAGS)
endif
# The libFuzzer build (make fuzz): clang, every object instrumented.
ifdef FUZZ
CC	 = clang
OPT	 = -O1 -g $(SAN_FLAGS) -fsanitize=fuzzer-no-link
endif
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(OPT) $(PKG_CFLAGS) $(CFLAGS)
# SQLite, jansson, readline and its terminfo library are linked
# statically where the system has their archives (Debian's -dev packages
# do): a process then starts without relocating four more shared
# libraries, and maps less (bench/ measures it: readline and libtinfo
# from their archives took 8% off every one-shot start and about 0.4 MB
# off its peak RSS). libm stays shared: glibc's libm.a needs a static
# libc. libstemmer is always linked from its archive: src/stem.c calls
# the English stemmer's own entry points, which only libstemmer.a
# exports, so English alone is linked, not every language's tables.
static_lib = $(if $(filter /%,$(shell $(CC) -print-file-name=lib$(1).a)),\
	-l:lib$(1).a,-l$(1))
LIBS	 = $(call static_lib,sqlite3) $(call static_lib,jansson) \
	   -l:libstemmer.a $(call static_lib,readline) $(call static_lib,tinfo) \
	   -lm

SRCS	:= $(wildcard src/*.c)
OBJS	:= $(SRCS:src/%.c=$(BUILD)/obj/%.o)
SCHEMA	:= $(sort $(wildcard schema/*.sql))
CATALOG_DIR ?= catalog
CATALOG	:= $(sort $(wildcard $(CATALOG_DIR)/*.json))

# Debian packages: build tools, libraries, test tools.
DEB_PKGS = gcc make pkg-config libc6-dev libsqlite3-dev libjansson-dev \
	   libreadline-dev libncurses-dev libstemmer-dev libcmocka-dev jq python3 \
	   python3-pexpect less bash-completion zsh fish mandoc groff-base \
	   clang libclang-rt-14-dev graphviz python3-jsonschema sqlite3 wamerican

# Where `make install` puts things (DESTDIR for staging).
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
INSTALLED = $(DESTDIR)$(BINDIR)/awsai $(DESTDIR)$(MANDIR)/man1/awsai.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/awsai $(DESTDIR)$(ZSHCOMPDIR)/_awsai \
	    $(DESTDIR)$(FISHCOMPDIR)/awsai.fish

.PHONY: all deps run check test unit clean bench golden accuracy install \
	uninstall fuzz fuzz-smoke
.DELETE_ON_ERROR:

all: $(BUILD)/awsai

# Installs what is missing with apt-get (root, or through sudo). Nothing
# to install, nothing is run: `make check` then needs no root. Off Debian
# it says what to install instead.
deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
	    echo "make deps: not a Debian system; install: a C compiler," \
	        "pkg-config, SQLite 3 (with FTS5), jansson, GNU readline," \
	        "libstemmer, cmocka, jq, python3 with pexpect, bash, zsh," \
	        "fish, mandoc, groff, clang (libFuzzer), graphviz" >&2; \
	    exit 0; fi; \
	missing=$$(for p in $(DEB_PKGS); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "make deps: installing $$missing"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	else echo "make deps: run as root: apt-get install -y $$missing" >&2; \
	    exit 1; fi; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends $$missing

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj:
	mkdir -p $@

$(BUILD)/schema.sql: $(SCHEMA) | $(BUILD)/obj
	cat $(SCHEMA) > $@

# The schema, the completion scripts and (stage 2 only) the catalog image,
# linked in as read-only data.
COMPLETIONS := completions/awsai.bash completions/_awsai completions/awsai.fish
EMBED_TEXT = printf '%s\n' '.section .rodata' \
	    '.global awsai_schema' 'awsai_schema:' \
	    '.incbin "$(BUILD)/schema.sql"' '.byte 0' \
	    '.global awsai_completion_bash' 'awsai_completion_bash:' \
	    '.incbin "completions/awsai.bash"' '.byte 0' \
	    '.global awsai_completion_zsh' 'awsai_completion_zsh:' \
	    '.incbin "completions/_awsai"' '.byte 0' \
	    '.global awsai_completion_fish' 'awsai_completion_fish:' \
	    '.incbin "completions/awsai.fish"' '.byte 0' \
	    '.global awsai_catalog_image' '.global awsai_catalog_image_end' \
	    '.global awsai_ask_image' '.global awsai_ask_image_end' \
	    '.global awsai_list_image' '.global awsai_list_image_end' \
	    '.global awsai_token_index' '.global awsai_token_index_end' \
	    '.global awsai_dictionary' '.global awsai_dictionary_end' \
	    'awsai_dictionary:' '.incbin "$(BUILD)/words.txt"' \
	    'awsai_dictionary_end:'

# The dictionary's lowercase words of five letters or more (dict.c); none
# where the machine has no /usr/share/dict/american-english (wamerican).
DICT	?= /usr/share/dict/american-english
$(BUILD)/words.txt: Makefile | $(BUILD)/obj
	if [ -r $(DICT) ]; then LC_ALL=C grep -E '^[a-z]{5,}$$' $(DICT) | \
	    LC_ALL=C sort -u > $@; else : > $@; fi

# Stage 1 has the schema but no catalog; it compiles catalog/ into a
# database that stage 2 embeds (R12).
$(BUILD)/embed0.S: $(BUILD)/schema.sql $(BUILD)/words.txt $(COMPLETIONS) Makefile
	$(EMBED_TEXT) '.balign 16' 'awsai_catalog_image:' \
	    'awsai_catalog_image_end:' 'awsai_ask_image:' 'awsai_ask_image_end:' \
	    'awsai_list_image:' 'awsai_list_image_end:' \
	    'awsai_token_index:' 'awsai_token_index_end:' \
	    '.section .note.GNU-stack,"",@progbits' > $@

# The whole catalog, ask's and list's tables alone (catalog_lean()), and
# the token index ask reads (catalog-tokens.c).
$(BUILD)/embed.S: $(BUILD)/schema.sql $(BUILD)/catalog.db $(BUILD)/ask.db \
    $(BUILD)/list.db $(BUILD)/tokens.idx $(BUILD)/words.txt $(COMPLETIONS) \
    Makefile
	$(EMBED_TEXT) '.balign 16' 'awsai_catalog_image:' \
	    '.incbin "$(BUILD)/catalog.db"' 'awsai_catalog_image_end:' \
	    '.balign 16' 'awsai_ask_image:' '.incbin "$(BUILD)/ask.db"' \
	    'awsai_ask_image_end:' \
	    '.balign 16' 'awsai_list_image:' '.incbin "$(BUILD)/list.db"' \
	    'awsai_list_image_end:' \
	    '.balign 16' 'awsai_token_index:' '.incbin "$(BUILD)/tokens.idx"' \
	    'awsai_token_index_end:' \
	    '.section .note.GNU-stack,"",@progbits' > $@

$(BUILD)/%.o: $(BUILD)/%.S
	$(CC) $(OPT) -c -o $@ $<

$(BUILD)/awsai0: $(OBJS) $(BUILD)/embed0.o
	$(CC) $(OPT) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/catalog.db: $(BUILD)/awsai0 $(CATALOG)
	$(BUILD)/awsai0 build --ask-db $(BUILD)/ask.db \
	    --list-db $(BUILD)/list.db --token-index $(BUILD)/tokens.idx $@ \
	    $(CATALOG_DIR)

$(BUILD)/ask.db $(BUILD)/list.db $(BUILD)/tokens.idx: $(BUILD)/catalog.db ;

$(BUILD)/awsai: $(OBJS) $(BUILD)/embed.o
	$(CC) $(OPT) $(LDFLAGS) -o $@ $^ $(LIBS)

run: deps
	@$(MAKE) --no-print-directory all
	@$(BUILD)/awsai

# Unit tests (cmocka) link the objects they test.
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)
UNIT_OBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS)) $(BUILD)/embed0.o

$(BUILD)/unit/%: tests/unit/%.c $(UNIT_OBJS)
	@mkdir -p $(BUILD)/unit
	$(CC) $(ALL_CFLAGS) -Isrc $$(pkg-config --cflags cmocka) -o $@ $< \
	    $(UNIT_OBJS) $(LIBS) $$(pkg-config --libs cmocka)

unit: $(UNIT_BINS)

test: all unit
	@sh tests/run.sh $(BUILD)

check: deps
	@$(MAKE) --no-print-directory all unit
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=1 all unit
	@$(MAKE) --no-print-directory BUILD=build/fuzz FUZZ=1 fuzz-targets
	@FUZZ_SECONDS=$${FUZZ_SECONDS:-3} sh tests/run.sh build build/asan

# libFuzzer targets (tests/fuzz/fuzz-*.c) over the objects but main.o,
# with the catalog embedded. `make fuzz FUZZ_SECONDS=N` runs each for N
# seconds (default 60) from its seed corpus in tests/fuzz/corpus/NAME;
# `make check` runs each for a short smoke (tests/t9002-fuzz.sh).
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz-*.c)
FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/%)
FUZZ_OBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS)) $(BUILD)/embed.o

fuzz-targets: $(FUZZ_BINS)

$(BUILD)/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.h $(FUZZ_OBJS)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< $(FUZZ_OBJS) \
	    $(LIBS)

fuzz: deps
	@$(MAKE) --no-print-directory BUILD=build/fuzz FUZZ=1 fuzz-targets
	@sh tests/fuzz/run.sh build/fuzz $${FUZZ_SECONDS:-60}

$(BUILD)/bench-bare: bench/bare.c $(UNIT_OBJS:$(BUILD)/embed0.o=$(BUILD)/embed.o)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $^ $(LIBS)

# bench/run.sh measures against the floor and builds a ten-times catalog
# (build/bench10, CATALOG_DIR=build/bench10/catalog) to compare with.
bench: all $(BUILD)/bench-bare
	@bash bench/run.sh $(BUILD)

# ask's accuracy on every set, and what changed against the baseline that
# `make accuracy SAVE=1` keeps in build/accuracy/.
accuracy: all
	@sh tests/ask/accuracy.sh $(BUILD)/awsai $(if $(SAVE),--save)

# Rewrites tests/golden/*.out from the current build; review the diff.
golden: all
	@sh tests/golden.sh $(BUILD)/awsai --update

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
	    $(DESTDIR)$(FISHCOMPDIR)
	install -m 0755 $(BUILD)/awsai $(DESTDIR)$(BINDIR)/awsai
	install -m 0644 docs/awsai.1 $(DESTDIR)$(MANDIR)/man1/awsai.1
	install -m 0644 completions/awsai.bash $(DESTDIR)$(BASHCOMPDIR)/awsai
	install -m 0644 completions/_awsai $(DESTDIR)$(ZSHCOMPDIR)/_awsai
	install -m 0644 completions/awsai.fish \
	    $(DESTDIR)$(FISHCOMPDIR)/awsai.fish

uninstall:
	rm -f $(INSTALLED)

clean:
	rm -rf build
