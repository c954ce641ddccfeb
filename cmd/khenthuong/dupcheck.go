package main

// nameChunk is how many distinct names one look-up of the import's
// duplicate check asks the store for: with names repeating across years, a
// 100,000-row list matches most of a 300,000-nomination file, and memory
// holds one chunk's matches (roster's CheckDuplicatesBy).
const nameChunk = 256
