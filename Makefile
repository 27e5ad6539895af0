# The two commands of the README: `make run` and `make test`.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)

.PHONY: run test build release golden

# Runs every pipeline in Pipelines/ on the sample data in Input/, writing Output/NAME/.
run: release
	.build/release/citypulse run $(ARGS)

test:
	scripts/bootstrap --test
	$(SWIFT) test

build:
	scripts/bootstrap
	$(SWIFT) build

release:
	scripts/bootstrap
	$(SWIFT) build -c release --product citypulse

# Records the sample's outputs as the golden files the tests compare with; review the diff, then commit.
golden:
	CITYPULSE_RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenOutputTests
