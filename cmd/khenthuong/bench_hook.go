package main

import "os"

// benchNoBackup lets the scale benchmarks time a write command without the
// automatic backup at open, which is being replaced by one a day
// (KHENTHUONG_BENCH_NO_BACKUP=1); nothing else sets it.
var benchNoBackup = os.Getenv("KHENTHUONG_BENCH_NO_BACKUP") == "1"
