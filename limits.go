package khenthuong

// Input limits: generous for real names and units, small enough that a pasted
// document or a malicious file cannot bloat the data file or the printed page.
const (
	MaxNameLength        = 300  // names of people, collectives, units, positions
	MaxAchievementLength = 3000 // thành tích text
	MaxNotesLength       = 5000
)
