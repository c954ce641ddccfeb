package khenthuong

// Who may do what. On a data file the one clerk at the PC may do everything;
// on an office server the login's role decides, and the server enforces it
// itself (grants, row security, functions): the window only greys out what
// the server would refuse anyway.

// Role is an office role on the server.
type Role string

const (
	RoleClerk Role = "chuyenvien" // chuyên viên: prepares campaigns, nominations, drafts, prints
	RoleHead  Role = "lanhdao"    // lãnh đạo: also issues and amends, keeps the catalogue and settings
)

// Right is one kind of change a role may or may not make.
type Right string

const (
	RightEditNominations Right = "edit_nominations" // campaigns, nominations, imports, review
	RightDraftDecisions  Right = "draft_decisions"  // create, edit, delete drafts; print
	RightIssueDecisions  Right = "issue_decisions"  // issue and amend decisions
	RightEditCatalogue   Right = "edit_catalogue"   // award forms, registry series
	RightEditSettings    Right = "edit_settings"    // settings, wordings, templates, printer profiles
)

// RoleRights lists what each role may do.
var RoleRights = map[Role][]Right{
	RoleClerk: {RightEditNominations, RightDraftDecisions},
	RoleHead:  {RightEditNominations, RightDraftDecisions, RightIssueDecisions, RightEditCatalogue, RightEditSettings},
}

// Label is the role as the office says it.
func (r Role) Label() string {
	switch r {
	case RoleClerk:
		return "Chuyên viên"
	case RoleHead:
		return "Lãnh đạo"
	}
	return string(r)
}

// Identity is who is working: the server login and its role, or the OS user
// of a data file (who may do everything).
type Identity struct {
	Login string `json:"login"`
	Role  Role   `json:"role"`
	Local bool   `json:"local"` // a data file on this PC: every right
}

// Can reports whether the identity has the right.
func (id Identity) Can(r Right) bool {
	if id.Local {
		return true
	}
	for _, have := range RoleRights[id.Role] {
		if have == r {
			return true
		}
	}
	return false
}

// Refusal is the EFORBIDDEN error for a right the identity lacks, saying who may do it.
func (id Identity) Refusal(r Right) error {
	return Errorf(EFORBIDDEN, "Tài khoản %s (%s) không có quyền %s: việc này do lãnh đạo thực hiện",
		id.Login, id.Role.Label(), rightLabel(r))
}

func rightLabel(r Right) string {
	switch r {
	case RightEditNominations:
		return "sửa đợt khen thưởng và đề nghị"
	case RightDraftDecisions:
		return "soạn dự thảo quyết định"
	case RightIssueDecisions:
		return "ban hành và đính chính quyết định"
	case RightEditCatalogue:
		return "sửa danh mục hình thức và sổ vàng"
	case RightEditSettings:
		return "sửa cài đặt và mẫu văn bản"
	}
	return string(r)
}

// AccessService tells who is working and what they may do.
type AccessService interface {
	// Identity returns the current identity.
	Identity() Identity
}
