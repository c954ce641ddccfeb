package ui

import "khenthuong"

// importList writes the wizard's rows: through the store's import in
// batches when it has one (the write then holds a batch, not a transaction
// of the whole list, in memory), else in one CreateNominations.
func importList(svc khenthuong.Services, ns []khenthuong.Nomination) error {
	imp, ok := svc.(khenthuong.NominationImporter)
	if !ok {
		return svc.CreateNominations(ns)
	}
	_, err := imp.ImportNominations(func(yield func(*khenthuong.Nomination, error) bool) {
		for i := range ns {
			if !yield(&ns[i], nil) {
				return
			}
		}
	})
	return err
}
