# kestractl — the two commands of the README are `make demo` and `make test`.
SWIFT ?= swift
CONTRACT_RECORD := $(CURDIR)/.build/contract-record.jsonl

.PHONY: build demo test lint format contract sdk docs release bench

build:
	$(SWIFT) build

## Start a seeded kestra-emulator and use kestractl against it (no Kestra needed).
demo: build
	scripts/demo.sh

## Every test: unit, client/command/emulator integration, end-to-end, Kestra's Python SDK, OpenAPI contract, lint.
## Set REQUIRE_CONTRACT=1 (CI does) to fail when the OpenAPI spec is missing instead of skipping.
test:
	rm -f $(CONTRACT_RECORD)
	KESTRA_CONTRACT_RECORD=$(CONTRACT_RECORD) $(SWIFT) test --skip LargeTransfer
	# Peak memory is per process: the LargeTransfer* suites (streaming bounds, 10,000-flow completion latency) run in
	# a process of their own, one at a time, so each bound is exact and their load skews no other suite.
	KESTRA_CONTRACT_RECORD=$(CONTRACT_RECORD) KESTRACTL_ISOLATED_MEMORY_TEST=1 \
	  $(SWIFT) test --filter LargeTransfer --no-parallel
	KESTRA_CONTRACT_RECORD=$(CONTRACT_RECORD) $(MAKE) sdk
	$(MAKE) contract
	scripts/test-release.sh
	$(MAKE) lint

## Kestra's Python SDK (kestrapy 2.0.3) against kestra-emulator processes of both API generations (--api 2, then
## --api 1, skipping what kestrapy routes for 2.x only), or against KESTRA_E2E_URL when set.
sdk:
	python3 Tests/SDK/sdk_contract.py --emulator "$$($(SWIFT) build --show-bin-path)/kestra-emulator" --api 2
	@if [ -z "$$KESTRA_E2E_URL" ]; then \
	  python3 Tests/SDK/sdk_contract.py --emulator "$$($(SWIFT) build --show-bin-path)/kestra-emulator" --api 1; fi

## The recorded emulator traffic against Kestra's OpenAPI spec (after the check's own self-test).
contract:
	@out=$$(python3 Tests/Contract/contract_check_test.py 2>&1) || { echo "$$out"; exit 1; }; \
	echo "contract check self-test: $$(echo "$$out" | tail -n 1)"
	@python3 scripts/contract-check.py $(CONTRACT_RECORD); rc=$$?; \
	if [ $$rc -eq 3 ] && [ -z "$(REQUIRE_CONTRACT)" ]; then exit 0; fi; exit $$rc

## Regenerate docs/commands.md from the command tree (a test fails while it is stale).
docs:
	KESTRACTL_UPDATE_DOCS=1 $(SWIFT) test --filter CommandReferenceTests

## Self-contained release binaries, packed into dist/kestractl-VERSION-OS-ARCH.tar.gz with dist/SHA256SUMS.
release:
	scripts/release.sh

## The performance goals (docs/performance.md): release binaries against a release kestra-emulator, each row
## interleaved with its contender (curl, a Python keep-alive loop); exits 1 when a goal is missed. Not part of test.
bench:
	python3 scripts/bench.py

## Swift style; shell scripts; the GitHub workflows against GitHub's workflow schema
## (check-jsonschema), and with actionlint where it is installed (.ci/run installs both).
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Plugins Sources Tests
	shellcheck .ci/run scripts/*.sh
	check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	@if command -v actionlint >/dev/null; then echo "actionlint $$(actionlint -version | head -n 1)"; actionlint; \
	else echo "actionlint is not installed: the workflows were checked against the schema only"; fi

format:
	$(SWIFT) format --in-place --recursive Package.swift Plugins Sources Tests
