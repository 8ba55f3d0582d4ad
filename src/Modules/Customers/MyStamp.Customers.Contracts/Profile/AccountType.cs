namespace MyStamp.Customers.Contracts;

/// <summary>A consumer or a business (Pro) account; Pro accounts carry a VAT/enterprise number.</summary>
public enum AccountType
{
    Consumer = 0,
    Pro = 1,
}
