package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// uiDo hands f to the UI goroutine. It is fyne.Do; the tests replace it with
// a queue they drain themselves, because Fyne's test driver runs fyne.Do
// callbacks at once on the calling goroutine, which would let a background
// load touch widgets while the test does.
var uiDo = fyne.Do

// background runs work in a goroutine (reading the data file, folding
// 100,000 names) and then runs the func it returns on the UI goroutine,
// the only place widgets are touched. wg counts the work in flight.
func background(wg *sync.WaitGroup, work func() (apply func())) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		uiDo(work())
	}()
}
