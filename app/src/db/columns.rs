//! Text columns that hold a domain enum (a role, a status, a kind), decoded into it at the
//! database boundary. A value the code does not know is a decode error: the query fails, the error
//! is logged with the value (see `AppError`'s `From<sqlx::Error>`) and answered as `internal` —
//! never silently read as some default. Writing binds the enum's own text, so the two directions
//! cannot drift apart.

use crate::domain::dates::Date;
use crate::domain::meetings::{self, ActionStatus, MeetingKind, MeetingStatus};
use crate::domain::people::JobRole;
use crate::domain::projects::{StakeholderRole, Visibility};
use crate::domain::requirement_content::Priority;
use crate::domain::requirements::RequirementStatus;
use crate::domain::signoffs::{self, Capacity};
use crate::domain::solutions::{OptionStatus, RequestKind, RequestStatus};
use sqlx::any::{Any, AnyTypeInfo};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Encode, Type};

/// Implements the column traits for an enum with `as_str(self) -> &'static str`; `$parse` maps
/// the stored text to `Some(value)` or `None` for text it does not know, and `$what` names the enum
/// in the decode error.
macro_rules! text_column {
    ($ty:ty, $what:literal, $parse:expr) => {
        impl Type<Any> for $ty {
            fn type_info() -> AnyTypeInfo {
                <String as Type<Any>>::type_info()
            }

            fn compatible(ty: &AnyTypeInfo) -> bool {
                <String as Type<Any>>::compatible(ty)
            }
        }

        impl<'r> Decode<'r, Any> for $ty {
            fn decode(value: <Any as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
                let text = <String as Decode<'r, Any>>::decode(value)?;
                let parse: fn(&str) -> Option<$ty> = $parse;
                parse(&text).ok_or_else(|| format!(concat!("unknown ", $what, " {:?} in the database"), text).into())
            }
        }

        impl<'q> Encode<'q, Any> for $ty {
            fn encode_by_ref(&self, buf: &mut <Any as Database>::ArgumentBuffer<'q>) -> Result<IsNull, BoxDynError> {
                <&str as Encode<'q, Any>>::encode(self.as_str(), buf)
            }
        }
    };
}

text_column!(JobRole, "job role", |t| JobRole::parse(t).ok());
text_column!(Visibility, "project visibility", |t| Visibility::parse(t).ok());
text_column!(StakeholderRole, "stakeholder role", |t| StakeholderRole::parse(t).ok());
text_column!(RequirementStatus, "requirement status", |t| RequirementStatus::parse(t).ok());
text_column!(Priority, "priority", |t| Priority::parse(t).ok());
text_column!(OptionStatus, "option status", |t| OptionStatus::parse(t).ok());
text_column!(RequestKind, "change request kind", RequestKind::parse);
text_column!(RequestStatus, "change request status", RequestStatus::parse);
text_column!(MeetingKind, "meeting kind", |t| MeetingKind::parse(t, "kind").ok());
text_column!(MeetingStatus, "meeting status", |t| MeetingStatus::parse(t, "status").ok());
text_column!(ActionStatus, "action item status", |t| ActionStatus::parse(t, "status").ok());
text_column!(meetings::SubjectKind, "meeting subject kind", |t| meetings::SubjectKind::parse(t, "kind").ok());
text_column!(signoffs::SubjectKind, "sign-off subject kind", signoffs::SubjectKind::parse);
text_column!(Capacity, "sign-off capacity", Capacity::parse);

/// A calendar day, stored as its ISO text (`2026-12-07`); text that is not a day is a decode error.
impl Type<Any> for Date {
    fn type_info() -> AnyTypeInfo {
        <String as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <String as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for Date {
    fn decode(value: <Any as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <String as Decode<'r, Any>>::decode(value)?;
        Date::parse(&text, "date").map_err(|_| format!("unreadable date {text:?} in the database").into())
    }
}

impl<'q> Encode<'q, Any> for Date {
    fn encode_by_ref(&self, buf: &mut <Any as Database>::ArgumentBuffer<'q>) -> Result<IsNull, BoxDynError> {
        <String as Encode<'q, Any>>::encode(self.to_string(), buf)
    }
}
