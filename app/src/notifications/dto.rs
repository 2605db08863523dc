//! Wire types of the inbox, and the few pure rules about them that both builds need (which kinds
//! exist, which links the inbox may open).

use serde::{Deserialize, Serialize};

/// What a notification is about. Stored as its snake_case name in `notifications.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// A leader's department must approve or reject a schedule change request.
    DecisionNeeded,
    /// The requester's change request was approved or rejected.
    RequestDecided,
    /// Someone commented on an option the person wrote.
    OptionComment,
    /// Someone raised a (blocking) concern on an option the person wrote.
    OptionConcern,
    /// Someone wrote `@username` about the person in a comment.
    Mention,
    /// The person was invited to a meeting.
    MeetingInvited,
    /// The person owns a new action item of a meeting.
    ActionAssigned,
    /// A subject the person must sign changed (or appeared): their sign-off is stale or missing.
    SignoffNeeded,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 8] = [
        NotificationKind::DecisionNeeded,
        NotificationKind::RequestDecided,
        NotificationKind::OptionComment,
        NotificationKind::OptionConcern,
        NotificationKind::Mention,
        NotificationKind::MeetingInvited,
        NotificationKind::ActionAssigned,
        NotificationKind::SignoffNeeded,
    ];

    /// The stored name (the same as the JSON one).
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::DecisionNeeded => "decision_needed",
            NotificationKind::RequestDecided => "request_decided",
            NotificationKind::OptionComment => "option_comment",
            NotificationKind::OptionConcern => "option_concern",
            NotificationKind::Mention => "mention",
            NotificationKind::MeetingInvited => "meeting_invited",
            NotificationKind::ActionAssigned => "action_assigned",
            NotificationKind::SignoffNeeded => "signoff_needed",
        }
    }

    /// The kind of a stored name; `None` for a name this version does not know.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw)
    }
}

/// One notification in a person's inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NotificationDto {
    pub id: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String, example = "decision_needed"))]
    pub kind: NotificationKind,
    /// The project it is about, if any.
    pub project_id: Option<String>,
    /// The page it opens, a path on this site such as `/change-requests/<id>`.
    pub link: String,
    /// A short line naming what it is about (an option's title, a requirement's key and title).
    pub subject: String,
    /// Who caused it; `None` when that account is gone or nobody did.
    pub actor_name: Option<String>,
    /// Epoch milliseconds.
    pub created_at: i64,
    pub read: bool,
}

/// How many of the person's notifications are unread (what the header's badge shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UnreadCount {
    pub unread: i64,
}

/// Query string of `GET /api/v1/notifications`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
#[serde(deny_unknown_fields)]
pub struct NotificationListQuery {
    /// Only notifications not yet read (default: all).
    pub unread_only: Option<bool>,
    /// 1..=200, default 50; newest first.
    pub limit: Option<i64>,
}

/// True for a link the inbox may open: a path on this site (`/…`), never another origin
/// (`//host`, `https:`) nor a script (`javascript:`). Notifications are written by our own
/// services, but the inbox renders the link as an `href`, so it checks anyway.
pub fn is_internal_link(link: &str) -> bool {
    link.starts_with('/') && !link.starts_with("//") && !link.starts_with("/\\") && !link.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_survives_its_stored_name_and_its_json() {
        for kind in NotificationKind::ALL {
            assert_eq!(NotificationKind::parse(kind.as_str()), Some(kind), "{kind:?}");
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()), "the JSON name is the stored name");
        }
        assert_eq!(NotificationKind::parse("Mention"), None, "names are case-sensitive");
        assert_eq!(NotificationKind::parse(""), None);
    }

    #[test]
    fn only_paths_on_this_site_are_internal_links() {
        let cases = [
            ("/change-requests/0190", true, "a path"),
            ("/requirements/1?tab=comments#c-2", true, "with query and fragment"),
            ("//evil.example/x", false, "a protocol-relative address"),
            ("/\\evil.example", false, "a backslash browsers read as //"),
            ("https://evil.example", false, "another origin"),
            ("javascript:alert(1)", false, "a script"),
            ("requirements/1", false, "a relative path"),
            ("", false, "nothing"),
            ("/a\nb", false, "a control character"),
        ];
        for (link, expected, why) in cases {
            assert_eq!(is_internal_link(link), expected, "{why}: {link:?}");
        }
    }
}
