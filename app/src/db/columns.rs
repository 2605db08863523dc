//! Text columns that hold a domain enum (a role, a status, a kind), decoded into it at the
//! database boundary. A value the code does not know is a decode error: the query fails, the error
//! is logged with the value (see `AppError`'s `From<sqlx::Error>`) and answered as `internal` —
//! never silently read as some default. Writing binds the enum's own text, so the two directions
//! cannot drift apart.

use crate::domain::people::JobRole;
use crate::domain::projects::{StakeholderRole, Visibility};
use sqlx::any::{Any, AnyTypeInfo};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Encode, Type};

/// Implements the column traits for an enum with `parse(&str) -> Result<Self, _>` and
/// `as_str(self) -> &'static str`; `$what` names it in the decode error.
macro_rules! text_column {
    ($ty:ty, $what:literal) => {
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
                <$ty>::parse(&text).map_err(|_| format!(concat!("unknown ", $what, " {:?} in the database"), text).into())
            }
        }

        impl<'q> Encode<'q, Any> for $ty {
            fn encode_by_ref(&self, buf: &mut <Any as Database>::ArgumentBuffer<'q>) -> Result<IsNull, BoxDynError> {
                <&str as Encode<'q, Any>>::encode(self.as_str(), buf)
            }
        }
    };
}

text_column!(JobRole, "job role");
text_column!(Visibility, "project visibility");
text_column!(StakeholderRole, "stakeholder role");
