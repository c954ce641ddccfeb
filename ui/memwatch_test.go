package ui

import (
	"bytes"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// The kernel's peak of the resident set (VmHWM) counts the data file's pages
// mapped by bbolt as well as the process's own memory, and keeps no peak of
// either part: memWatch samples both parts (RssAnon, RssFile) while a
// benchmark runs and keeps their highest values.
type memWatch struct {
	anon, file atomic.Int64 // bytes
}

var (
	watchOnce sync.Once
	watched   memWatch
)

// watchMemory starts sampling /proc/self/status every 5 ms, once per process.
func watchMemory() *memWatch {
	watchOnce.Do(func() {
		watched.sample()
		go func() {
			for range time.Tick(5 * time.Millisecond) {
				watched.sample()
			}
		}()
	})
	return &watched
}

func (w *memWatch) sample() {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	keep := func(peak *atomic.Int64, v int64) {
		for old := peak.Load(); v > old && !peak.CompareAndSwap(old, v); old = peak.Load() {
		}
	}
	keep(&w.anon, statusKB(data, "RssAnon:")*1024)
	keep(&w.file, statusKB(data, "RssFile:")*1024)
}

// statusKB reads the figure of field (in kB) from /proc/self/status.
func statusKB(data []byte, field string) int64 {
	i := bytes.Index(data, []byte(field))
	if i < 0 {
		return 0
	}
	line := data[i+len(field):]
	if j := bytes.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	kb, _ := strconv.ParseInt(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(line), []byte("kB")))), 10, 64)
	return kb
}
