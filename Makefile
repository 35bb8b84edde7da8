# Two commands set everything up on a fresh Debian machine with Swift 6.3:
#   make run    builds settle and runs the default scenario
#   make test   runs the test suite
SWIFT ?= swift
ARGS ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps build install lint fuzz cluster-check

# GLPK comes from Debian: libglpk-dev for the library, glpk-utils for glpsol (used by some tests).
deps:
	@if ! dpkg -s libglpk-dev glpk-utils >/dev/null 2>&1; then \
		echo "Installing libglpk-dev and glpk-utils..."; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y libglpk-dev glpk-utils; \
	fi

build: deps
	$(SWIFT) build -c release

run: build
	.build/release/settle $(ARGS)

# Tests run optimised (the network simplex is ~70x slower unoptimised) with testability for
# @testable imports; then an outside package built against settle, and the HTML report in Chromium.
test: deps
	$(SWIFT) test -c release -Xswiftc -enable-testing
	scripts/consumer/run
	scripts/browser-check

# Copies the binary to PREFIX/bin (default /usr/local).
install: build
	install -D .build/release/settle $(or $(PREFIX),/usr/local)/bin/settle

lint:
	$(SWIFT) format lint --strict -r Package.swift Sources Tests

# libFuzzer on the scenario decoder and the CSV readers (Linux); FUZZ_SECONDS=60 for a short run.
fuzz: deps
	Fuzz/run --seconds $(or $(FUZZ_SECONDS),600)

# A real one-node Slurm cluster runs the README's job array (scripts/slurm-compare.sh) and merge's
# output is checked against one compare run; installs slurm-wlm and munge when missing.
cluster-check: build
	scripts/cluster-check
