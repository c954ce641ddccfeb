module early.khenthuong.local/quietlocale

go 1.26.0
