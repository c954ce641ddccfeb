package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// baseSchema is the schema a file created by the first release has.
const baseSchema = 1

// migration upgrades a file by one schema version inside the opening
// transaction. Open takes a backup before running any (prepare calls
// SafetyBackup first when a migration is due, even on a day one was taken).
type migration struct {
	name string
	run  func(tx *bolt.Tx) error
}

// migrations[i] upgrades schema baseSchema+i to baseSchema+i+1. Append only:
// a released step is never edited, because files in the field already ran it.
// Each step registers itself from a file of its own (migrate_v2.go...).
var migrations []migration

// currentSchema is the schema this build writes.
func currentSchema() uint32 { return baseSchema + uint32(len(migrations)) }

// migrate runs the steps from schema to the current one, then makes sure every
// bucket of the current layout exists (new index buckets start empty and are
// filled by the step that introduced them).
func (db *DB) migrate(tx *bolt.Tx, schema uint32) error {
	if schema < baseSchema {
		return fmt.Errorf("schema %d: older than any release", schema)
	}
	for v := schema; v < currentSchema(); v++ {
		step := migrations[v-baseSchema]
		if err := step.run(tx); err != nil {
			return fmt.Errorf("migration to schema %d (%s): %w", v+1, step.name, err)
		}
		if err := writeSchema(tx, v+1); err != nil {
			return err
		}
	}
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}
